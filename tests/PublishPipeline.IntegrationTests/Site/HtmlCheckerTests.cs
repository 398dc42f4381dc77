using System.Text.Json;
using PublishPipeline.IntegrationTests.Site.Fixture;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Site;

/// <summary>The Nu Html Checker (npm vnu-jar, on Java) finds no error on a sample of every page type.</summary>
[Collection(SiteCollection.Name)]
public sealed class HtmlCheckerTests(SiteFixture site, ITestOutputHelper output)
{
    [Fact(Timeout = 180_000)]
    public async Task Every_page_type_passes_the_Nu_Html_Checker()
    {
        var jar = Path.Combine(SiteFixture.RepoRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"{jar} is missing: run `npm ci --ignore-scripts` at the repository root (package.json pins vnu-jar)");

        var files = SitePageType.All.Select(p => (Page: p, Path: site.SiteFile(p.File))).ToList();
        var missing = files.Where(f => !File.Exists(f.Path)).Select(f => $"{f.Page.Name}: {f.Page.File}").ToList();
        Assert.True(missing.Count == 0, "page types missing from the built site: " + string.Join(", ", missing));

        // One run over all samples: the JVM's start-up is most of the cost.
        var run = await ProcessRun.RunAsync(
            "java",
            ["-jar", jar, "--format", "json", "--stdout", .. files.Select(f => f.Path)],
            TimeSpan.FromMinutes(2));
        output.WriteLine($"vnu checked {files.Count} files in {run.Elapsed.TotalSeconds:F1} s (exit {run.ExitCode})");

        using var json = JsonDocument.Parse(run.StandardOutput);
        var pageOfFile = files.ToDictionary(f => f.Path.TrimStart('/'), f => f.Page.Name);
        var errors = new List<string>();
        foreach (var message in json.RootElement.GetProperty("messages").EnumerateArray())
        {
            var type = message.GetProperty("type").GetString();
            var subType = message.TryGetProperty("subType", out var s) ? s.GetString() : null;
            var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            var line = message.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
            var extract = message.TryGetProperty("extract", out var e) ? e.GetString()?.ReplaceLineEndings(" ") : null;
            var page = pageOfFile.TryGetValue(FilePathOf(url), out var name) ? name : url;
            var text = $"{page} line {line}: {message.GetProperty("message").GetString()}" + (extract is null ? "" : $" «{extract}»");
            output.WriteLine($"[{type}{(subType is null ? "" : "/" + subType)}] {text}");
            if (type is "error" or "non-document-error")
            {
                errors.Add(text);
            }
        }

        Assert.True(errors.Count == 0, $"the Nu Html Checker reports {errors.Count} error(s):\n" + string.Join("\n", errors));
        Assert.Equal(0, run.ExitCode);
    }

    /// <summary>vnu names a file "file:/tmp/…" with non-ASCII percent-encoded: the path without its leading slash.</summary>
    private static string FilePathOf(string url) =>
        Uri.UnescapeDataString(url.StartsWith("file:", StringComparison.Ordinal) ? url["file:".Length..] : url).TrimStart('/');
}
