namespace PublishPipeline.Submissions;

/// <summary>What an agency directory CSV holds: the agencies (normalised) when <see cref="Errors"/> is empty.</summary>
public sealed record AgencyCsvResult(IReadOnlyList<Agency> Agencies, IReadOnlyList<AgencyCsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
