namespace PublishPipeline.Site.Search;

/// <summary>Pagefind could not be found or did not build an index; the message carries what it printed.</summary>
public sealed class PagefindException : Exception
{
    public PagefindException()
    {
    }

    public PagefindException(string message)
        : base(message)
    {
    }

    public PagefindException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
