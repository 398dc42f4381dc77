using Microsoft.Playwright;

namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>The two widths the site must work at: a desktop browser and a phone.</summary>
public static class Viewports
{
    public static ViewportSize Desktop { get; } = new() { Width = 1280, Height = 800 };

    public static ViewportSize Mobile { get; } = new() { Width = 390, Height = 844 };

    public static IEnumerable<(string Name, ViewportSize Size)> Both => [("desktop", Desktop), ("mobile", Mobile)];
}
