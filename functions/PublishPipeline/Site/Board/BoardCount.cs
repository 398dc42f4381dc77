namespace PublishPipeline.Site.Board;

/// <summary>How many agencies of the region are in one state (<see cref="BoardStatus"/> by name), named in Chinese.</summary>
public sealed record BoardCount(string Status, string Name, int Count);
