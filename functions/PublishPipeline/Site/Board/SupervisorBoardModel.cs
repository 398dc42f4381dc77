namespace PublishPipeline.Site.Board;

/// <summary>The board page: the board and the years the selector offers.</summary>
public sealed record SupervisorBoardModel(RegionBoard Board, IReadOnlyList<int> Years);
