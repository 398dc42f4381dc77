using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using PublishPipeline.Reports;

namespace PublishPipeline.Tests.Architecture;

/// <summary>
/// The core (reports, reading, validation, the Word template, the checker) is host-free: no Azure, ASP.NET or SendGrid
/// package or framework, directly or through anything it references, so `pubpipe validate`, the benchmarks and these
/// tests build and run without them. Checked three ways: the core's project file, the assemblies the compiled core
/// references (following our own assemblies), and everything this test project (which references the core alone)
/// resolved and copied.
/// </summary>
public sealed class CoreDependencyTests
{
    private static readonly string[] HostPrefixes = ["Azure", "Microsoft.Azure", "Microsoft.AspNetCore", "Microsoft.Extensions.Azure", "SendGrid"];

    private static bool IsHostOnly(string name) =>
        HostPrefixes.Any(p => name.Equals(p, StringComparison.OrdinalIgnoreCase) || name.StartsWith(p + ".", StringComparison.OrdinalIgnoreCase));

    private static readonly Assembly Core = typeof(Report).Assembly;

    [Fact]
    public void Core_project_file_references_no_host_package_framework_or_project()
    {
        var project = XDocument.Load(Path.Combine(Corpus.RepoRoot, "functions", "PublishPipeline.Core", "PublishPipeline.Core.csproj"));
        var packages = project.Descendants("PackageReference").Select(e => (string?)e.Attribute("Include") ?? "").ToList();
        Assert.NotEmpty(packages); // the readers' packages are there, so the file was read
        Assert.DoesNotContain(packages, IsHostOnly);
        Assert.Empty(project.Descendants("FrameworkReference"));
        // The core sits at the bottom: it references no other project of ours.
        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.Equal("Microsoft.NET.Sdk", (string?)project.Root!.Attribute("Sdk"));
    }

    [Fact]
    public void Compiled_core_references_no_host_assembly()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<Assembly>([Core]);
        var offending = new List<string>();
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var name = reference.Name ?? "";
                if (!seen.Add(name))
                {
                    continue;
                }

                if (IsHostOnly(name))
                {
                    offending.Add($"{assembly.GetName().Name} → {name}");
                }

                // Follow our own assemblies: a host reference must not come in through one of them either.
                if (name.StartsWith("PublishPipeline", StringComparison.Ordinal))
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
            }
        }

        Assert.Contains("DocumentFormat.OpenXml", seen); // the walk saw the core's real references
        Assert.Empty(offending);
        Assert.DoesNotContain(seen, n => n.StartsWith("PublishPipeline", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_the_core_pulls_in_is_a_host_package()
    {
        // This project references the core alone, so its dependency file lists the core's whole closure.
        var depsFile = Path.Combine(AppContext.BaseDirectory, "PublishPipeline.Core.Tests.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name.Split('/')[0]).ToList();
        Assert.Contains("PublishPipeline.Core", libraries);
        Assert.DoesNotContain(libraries, IsHostOnly);
        Assert.DoesNotContain(libraries, n => n == "PublishPipeline");

        var copied = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();
        Assert.Contains("PublishPipeline.Core", copied);
        Assert.DoesNotContain(copied, IsHostOnly);

        // ASP.NET would arrive as a shared framework, not as a file: the runtime config names every framework needed.
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PublishPipeline.Core.Tests.runtimeconfig.json")));
        var options = runtimeConfig.RootElement.GetProperty("runtimeOptions");
        var frameworks = options.TryGetProperty("frameworks", out var many)
            ? many.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList()
            : [options.GetProperty("framework").GetProperty("name").GetString()];
        Assert.Equal(["Microsoft.NETCore.App"], frameworks);
    }

    [Theory]
    [InlineData("Azure.Data.Tables", true)]
    [InlineData("Microsoft.AspNetCore.Components.Web", true)]
    [InlineData("Microsoft.Azure.WebJobs", true)]
    [InlineData("SendGrid", true)]
    [InlineData("DocumentFormat.OpenXml", false)]
    [InlineData("Microsoft.Extensions.Logging", false)]
    [InlineData("AzureLikeName", false)]
    public void The_host_filter_recognises_host_assemblies(string name, bool host) => Assert.Equal(host, IsHostOnly(name));
}
