namespace PublishPipeline.Tests.Reading.RealForms;

/// <summary>The real reports in other forms kept in the repository (tests/data/forms, see its SOURCES.md).</summary>
internal static class RepoData
{
    public static string File(string name) => Path.Combine(Corpus.RepoRoot, "tests", "data", "forms", name);

    public static byte[] Bytes(string name) => System.IO.File.ReadAllBytes(File(name));
}
