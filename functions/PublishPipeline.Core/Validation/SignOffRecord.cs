namespace PublishPipeline.Validation;

/// <summary>The 单位负责人审核签发 record of a submission (H5): who approved it and when; an empty approver means none was recorded.</summary>
public sealed record SignOffRecord(string? Approver, DateOnly? ApprovedOn);
