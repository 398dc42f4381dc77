namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>An agency of the test site, as its directory row says, with the years it has a live report for.</summary>
public sealed record TestAgency(string Id, string Name, string Region, string Level, IReadOnlyList<int> Years)
{
    /// <summary>Only the name's own place ("桃溪镇" of "青石县桃溪镇人民政府"), for text that names it.</summary>
    public string Place => Region.Split('/')[^1];
}
