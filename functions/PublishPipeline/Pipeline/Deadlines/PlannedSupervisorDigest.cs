using System.Globalization;

namespace PublishPipeline.Pipeline.Deadlines;

/// <summary>One supervisor's weekly digest of one region's board.</summary>
/// <param name="SupervisorEmail">Lower-cased, as the region's entry lists it.</param>
/// <param name="Day">The Beijing date the job ran on (the digest weekday).</param>
/// <param name="ReportYear">The report year the board shows (<see cref="Site.Board.BoardYear.Default(DateOnly)"/>).</param>
public sealed record PlannedSupervisorDigest(string RegionId, string SupervisorEmail, DateOnly Day, int ReportYear)
{
    /// <summary>
    /// One digest per region, supervisor and ISO week: whatever weekday is configured and however often the job runs,
    /// a week sends it once (lanxi-a@x.example-2027W02).
    /// </summary>
    public string Key
    {
        get
        {
            var date = Day.ToDateTime(TimeOnly.MinValue);
            return string.Create(CultureInfo.InvariantCulture, $"{RegionId}-{SupervisorEmail}-{ISOWeek.GetYear(date)}W{ISOWeek.GetWeekOfYear(date):00}");
        }
    }
}
