namespace PublishPipeline.Site;

/// <summary>One file of the public site: its path in <c>$web</c> (see <see cref="SitePaths"/>), bytes and content type.</summary>
public sealed record SiteFile(string Path, ReadOnlyMemory<byte> Content, string ContentType)
{
    public const string Html = "text/html; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";
    public const string Xml = "application/xml; charset=utf-8";
    public const string Atom = "application/atom+xml; charset=utf-8";
    public const string Text = "text/plain; charset=utf-8";
    public const string Css = "text/css; charset=utf-8";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static SiteFile Utf8(string path, string content, string contentType) =>
        new(path, System.Text.Encoding.UTF8.GetBytes(content), contentType);
}
