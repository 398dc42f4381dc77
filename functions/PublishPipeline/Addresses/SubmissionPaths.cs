namespace PublishPipeline.Addresses;

/// <summary>
/// The API addresses the private pages link and post to. Both hosts serve the same routes under <c>/api</c>, so the
/// pages use host-relative paths. Ids are escaped, so an odd id can never leave its path segment.
/// </summary>
public static class SubmissionPaths
{
    public static string Status(string submissionId) => "/api/submissions/" + Uri.EscapeDataString(submissionId);

    public static string Preview(string submissionId) => Status(submissionId) + "/preview";

    public static string Approve(string submissionId) => Status(submissionId) + "/approve";

    public static string Return(string submissionId) => Status(submissionId) + "/return";

    public static string Withdraw(string submissionId) => Status(submissionId) + "/withdraw";

    public static string Publish(string submissionId) => Status(submissionId) + "/publish";

    /// <summary>An agency's Word template for a year, pre-filled from its published report of the year before.</summary>
    public static string AgencyTemplate(string agencyId, int year) =>
        "/api/agencies/" + Uri.EscapeDataString(agencyId) + "/template?year=" + year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where an agency uploads a draft.</summary>
    public const string Drafts = "/api/drafts";
}
