namespace PublishPipeline.Submissions;

/// <summary>What an import did to the directory. Agencies absent from the file are left as they are.</summary>
public readonly record struct AgencyImportResult(int Added, int Updated, int Unchanged)
{
    public int Total => Added + Updated + Unchanged;
}
