using System.Text.Json;

namespace PublishPipeline.Reports;

/// <summary>The national templates, loaded once from the embedded templates.json.</summary>
public static class TemplateCatalog
{
    private static readonly Lazy<IReadOnlyList<ReportTemplate>> Loaded = new(Load);

    public static IReadOnlyList<ReportTemplate> All => Loaded.Value;

    public static ReportTemplate Template2019 => Get("2019");

    public static ReportTemplate Template2021 => Get("2021");

    public static ReportTemplate Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"no template '{id}'");

    public static ReportTemplate? Find(string? id) => All.FirstOrDefault(t => t.Id == id);

    /// <summary>The template a report of this statistical year must use (FORMAT.md §1), or null before 2019.</summary>
    public static ReportTemplate? ForYear(int year) => All.FirstOrDefault(t => t.AppliesTo(year));

    private static IReadOnlyList<ReportTemplate> Load()
    {
        using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream("PublishPipeline.Reports.templates.json")
            ?? throw new InvalidOperationException("templates.json is not embedded in the assembly");
        var file = JsonSerializer.Deserialize<TemplateFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("templates.json is empty");
        return file.Templates;
    }

    private sealed class TemplateFile
    {
        public List<ReportTemplate> Templates { get; set; } = [];
    }
}
