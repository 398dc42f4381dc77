using System.Reflection;
using System.Text.RegularExpressions;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Architecture;

/// <summary>
/// The dependency arrows run one way: hosts → Pipeline (+ Api) → {Storage/Submissions, Site, Notices} → core. Each
/// folder of the pipeline library (its namespace) may use only the folders listed for it below, and the core's domain
/// or, where it checks drafts, the core's engine; the core cannot see the pipeline at all (it is another assembly and
/// references none of ours, see CoreDependencyTests). The sources are scanned for <c>using</c> directives and for
/// qualified names, absolute (<c>PublishPipeline.Site.SitePaths</c>) or relative to the root namespace
/// (<c>Site.Live.SiteIndexRow</c>, resolved against the real types so a property called <c>Reports</c> is not a
/// namespace).
/// </summary>
public sealed partial class DependencyDirectionTests
{
    // The core's namespaces everyone may use: the report, the agency levels, the calendar.
    private static readonly string[] CoreDomain = ["Reports", "Agencies", "Calendar"];

    // The core's reading and checking engine: for the folders that read or check drafts.
    private static readonly string[] CoreEngine = ["Reading", "Validation", "Checking", "Documents"];

    // The core's regional roll-up (sums of published reports): for the folders that show it or keep it current.
    private static readonly string[] CoreRollups = ["Rollups"];

    /// <summary>What each folder of the pipeline library may depend on, besides the core's domain and itself.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        // Shared below everything in the library: Razor to strings, safe hrefs, the public addresses.
        ["Rendering"] = [],
        ["Addresses"] = [],
        // The checks every options class shares (a setting named as the operator writes it).
        ["Configuration"] = [],
        // Storage: the Azure clients; Submissions: reports, versions, audit and the agency directory on top of them.
        ["Storage"] = [],
        ["Submissions"] = ["Storage"],
        ["Access"] = ["Submissions"],
        // Emails know nothing of the site or the handlers: they are given their links and facts.
        ["Notices"] = ["Rendering", "Addresses", "Configuration"],
        // The site renders pages and keeps the live site in storage (its index table, $web); a folder build checks drafts.
        ["Site"] = ["Rendering", "Addresses", "Storage", "Submissions", .. CoreEngine, .. CoreRollups],
        ["Pipeline"] = ["Rendering", "Addresses", "Configuration", "Storage", "Submissions", "Access", "Notices", "Site", .. CoreEngine, .. CoreRollups],
        ["Api"] = ["Rendering", "Addresses", "Configuration", "Storage", "Submissions", "Access", "Notices", "Site", "Pipeline", .. CoreEngine, .. CoreRollups],
        // What the hosts share above the pipeline: the one list of functions and their HTTP behaviour (Hosting), the
        // report named on every invocation's log scope, read from the trigger's message (Telemetry).
        ["Telemetry"] = ["Storage", "Submissions", "Pipeline"],
        ["Hosting"] = ["Rendering", "Addresses", "Configuration", "Storage", "Submissions", "Access", "Notices", "Site", "Pipeline", "Api", "Telemetry", .. CoreEngine, .. CoreRollups],
        // The root namespace holds the wiring both hosts call: it sees everything.
        [""] = ["Rendering", "Addresses", "Configuration", "Storage", "Submissions", "Access", "Notices", "Site", "Pipeline", "Api", "Telemetry", "Hosting", .. CoreEngine, .. CoreRollups],
    };

    private static string LibraryRoot => Path.Combine(Corpus.RepoRoot, "functions", "PublishPipeline");

    private static readonly Assembly Library = typeof(PipelineServiceCollectionExtensions).Assembly;

    private static readonly Assembly Core = typeof(Report).Assembly;

    [Fact]
    public void Every_folder_of_the_pipeline_library_has_a_place_in_the_layering()
    {
        var folders = Directory.EnumerateDirectories(LibraryRoot)
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj"))
            .Where(name => Directory.EnumerateFiles(Path.Combine(LibraryRoot, name), "*.*", SearchOption.AllDirectories).Any(IsSource))
            .ToList();
        Assert.Contains("Pipeline", folders);
        var missing = folders.Where(f => !Allowed.ContainsKey(f)).ToList();
        Assert.True(missing.Count == 0, $"add {string.Join(", ", missing)} to {nameof(DependencyDirectionTests)}.{nameof(Allowed)}: which folders may it use, and which may use it?");
    }

    [Fact]
    public void Each_file_declares_the_namespace_of_its_folder()
    {
        // The scan below reads a folder as a namespace: a file in Site/ declaring another namespace would slip through.
        var wrong = new List<string>();
        foreach (var file in Sources().Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var folder = FolderOf(file);
            var expected = folder.Length == 0 ? "PublishPipeline" : "PublishPipeline." + folder;
            var declared = NamespaceDeclaration().Match(File.ReadAllText(file)).Groups[1].Value;
            if (declared != expected && !declared.StartsWith(expected + ".", StringComparison.Ordinal))
            {
                wrong.Add($"{Relative(file)}: {declared}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void No_arrow_points_up_or_sideways()
    {
        var known = KnownNames();
        var violations = new List<string>();
        foreach (var file in Sources())
        {
            var folder = FolderOf(file);
            var allowed = Allowed.GetValueOrDefault(folder, []).Concat(CoreDomain).Append(folder).ToHashSet(StringComparer.Ordinal);
            foreach (var target in References(File.ReadAllText(file), known))
            {
                if (!allowed.Contains(target))
                {
                    violations.Add($"{Relative(file)} ({Label(folder)}) uses {target}");
                }
            }
        }

        Assert.True(violations.Count == 0, "dependencies against the layering:\n" + string.Join("\n", violations.Distinct()));
    }

    [Fact]
    public void The_scan_sees_usings_qualified_names_and_razor_imports_but_not_comments_strings_or_properties()
    {
        var known = KnownNames();
        Assert.Equal(["Pipeline"], References("using PublishPipeline.Pipeline;\nnamespace PublishPipeline.Site;", known).Where(t => t != "Site"));
        Assert.Equal(["Notices"], References("var x = Notices.EmailComposer.Create();", known));
        Assert.Equal(["Site"], References("var row = await table.GetAsync<Site.Live.SiteIndexRow>(key);", known));
        Assert.Equal(["Pipeline"], References("@using PublishPipeline.Pipeline\n<p>@Model.Text</p>", known));
        Assert.Empty(References("// uses Pipeline.PipelineOptions\n/* Site.SitePaths */ var s = \"Notices.EmailComposer\";", known));
        Assert.Empty(References("await Reports.GetBlobClient(name).UploadAsync(content);", known)); // a property, not the namespace
        Assert.Empty(References("var t = Azure.Core.Pipeline.HttpPipeline.CreateClientRequestId();", known));
    }

    /// <summary>The top-level folders (namespaces under PublishPipeline) that <paramref name="source"/> refers to.</summary>
    private static IEnumerable<string> References(string source, HashSet<string> known)
    {
        var code = StringOrComment().Replace(source, m => m.Value.StartsWith('"') ? "\"\"" : " ");
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in Absolute().Matches(code))
        {
            found.Add(match.Groups[1].Value);
        }

        foreach (Match match in Relative().Matches(code))
        {
            // "Site.Live.SiteIndexRow" is relative to the root namespace only if PublishPipeline.Site.Live(.SiteIndexRow)
            // really is a namespace or a type: "Reports.GetBlobClient" on a property called Reports is neither.
            var parts = match.Value.Split('.');
            if (parts[0] != "PublishPipeline" && known.Contains("PublishPipeline." + parts[0] + "." + parts[1]))
            {
                found.Add(parts[0]);
            }
        }

        return found;
    }

    /// <summary>Every namespace and type name (nested types with dots, no generic arity) in the library and the core.</summary>
    private static HashSet<string> KnownNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in Library.GetTypes().Concat(Core.GetTypes()))
        {
            if (type.FullName is not { } fullName || type.Namespace is not { } ns)
            {
                continue;
            }

            names.Add(GenericArity().Replace(fullName.Replace('+', '.'), ""));
            for (var dot = ns.Length; dot > 0; dot = ns.LastIndexOf('.', dot - 1))
            {
                names.Add(ns[..dot]);
            }
        }

        return names;
    }

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(LibraryRoot, "*.*", SearchOption.AllDirectories)
            .Where(IsSource)
            .Where(f => !Relative(f).Split('/').Any(segment => segment is "bin" or "obj"));

    private static bool IsSource(string path) => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal);

    private static string Relative(string file) => Path.GetRelativePath(LibraryRoot, file).Replace('\\', '/');

    private static string FolderOf(string file) => Relative(file) is var relative && relative.Contains('/') ? relative[..relative.IndexOf('/')] : "";

    private static string Label(string folder) => folder.Length == 0 ? "root" : folder;

    [GeneratedRegex(@"^namespace ([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    // Comments (//, /* */, Razor @* *@) and string literals (regular, verbatim, interpolated: their text, not their holes).
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@\*.*?\*@|@?\$?""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex StringOrComment();

    [GeneratedRegex(@"\bPublishPipeline\.([A-Z]\w*)")]
    private static partial Regex Absolute();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*(?:\.[A-Z]\w*)+")]
    private static partial Regex Relative();

    [GeneratedRegex(@"`\d+")]
    private static partial Regex GenericArity();
}
