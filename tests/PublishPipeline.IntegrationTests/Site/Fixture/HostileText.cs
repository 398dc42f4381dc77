namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>
/// What a hostile draft puts in every text field: markup and script in the forms an attacker would try first. The
/// site must show each of them as text and run none.
/// </summary>
public static class HostileText
{
    public const string Script = "<script>alert(1)</script>";

    public const string ImgOnError = "\"><img src=x onerror=alert(1)>";

    public const string JavascriptUrl = "javascript:alert(1)";

    public const string SvgOnLoad = "<svg onload=alert(1)>";

    public static IReadOnlyList<string> Payloads { get; } = [Script, ImgOnError, JavascriptUrl, SvgOnLoad];

    /// <summary>
    /// What a hostile directory entry can still hold: the import refuses &lt; and &gt; in a name, but quotes, an
    /// ampersand, escaped markup and a script URL must still reach every page as text.
    /// </summary>
    public static string InDirectory(string label) => $"\" onmouseover=\"alert(1){label}&amp;&lt;script&gt;'{JavascriptUrl}";

    /// <summary>All four in one string around <paramref name="label"/>, so any field that holds it carries every payload.</summary>
    public static string Around(string label) => $"{Script}{label}{ImgOnError}{JavascriptUrl}{SvgOnLoad}";
}
