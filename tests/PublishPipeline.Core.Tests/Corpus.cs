namespace PublishPipeline.Tests;

/// <summary>
/// Locates the shared corpus (../shared/corpus beside the repository, i.e. /work/shared when the repository lives in
/// /work/&lt;repo&gt;) and the repository's samples/ by walking up from the test binaries. A missing corpus fails the
/// test loudly: corpus tests are never skipped silently.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string?> Found = new(() => FindUp(Path.Combine("shared", "corpus")));

    public static string Directory
    {
        get
        {
            if (Found.Value is { } directory)
            {
                return directory;
            }

            var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            throw new InvalidOperationException(
                (ci ? "CI=true and " : "") + "../shared not found: corpus tests NOT RUN (looked for shared/corpus above " + AppContext.BaseDirectory + ")");
        }
    }

    public static string SeedName => "2020-hangzhou-fuyang-bgs.txt";

    public static string File(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => System.IO.File.ReadAllBytes(File(name));

    public static IEnumerable<string> TextFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.txt").Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal);

    /// <summary>The repository's samples/ directory (the one that holds samples/README.md).</summary>
    public static string Sample(string name) =>
        Path.Combine(FindUp(Path.Combine("samples", "README.md")) is { } readme ? Path.GetDirectoryName(readme)! : throw new InvalidOperationException("samples/README.md not found above " + AppContext.BaseDirectory), name);

    /// <summary>The repository root (the directory that holds PublishPipeline.sln).</summary>
    public static string RepoRoot =>
        Path.GetDirectoryName(FindUp("PublishPipeline.sln") ?? throw new InvalidOperationException("PublishPipeline.sln not found above " + AppContext.BaseDirectory))!;

    private static string? FindUp(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (System.IO.Directory.Exists(candidate) || System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
