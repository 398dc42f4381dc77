using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Submissions;

namespace PublishPipeline.Tests.Pipeline.Deadlines;

public sealed class SupervisorDigestPlannerTests
{
    private static readonly SupervisedRegion[] Regions =
    [
        new() { RowKey = "lanxi", Region = "浙江省/金华市/兰溪市", Supervisors = "Boss@Lanxi.example; deputy@lanxi.example;boss@lanxi.example" },
        new() { RowKey = "jiangyu", Region = "江屿市", Supervisors = "head@jiangyu.example" },
        new() { RowKey = "empty", Region = "某县", Supervisors = "" },
    ];

    // 2027-01-04 is a Monday.
    private static readonly DateOnly Monday = new(2027, 1, 4);

    [Fact]
    public void On_the_digest_weekday_each_registered_supervisor_of_each_region_gets_one()
    {
        var plan = SupervisorDigestPlanner.Plan(Monday, Regions, new DeadlineOptions());

        Assert.Equal(
            [("jiangyu", "head@jiangyu.example"), ("lanxi", "boss@lanxi.example"), ("lanxi", "deputy@lanxi.example")],
            plan.Select(p => (p.RegionId, p.SupervisorEmail)));
        Assert.All(plan, p => Assert.Equal(2026, p.ReportYear));
        Assert.Equal("lanxi-boss@lanxi.example-2027W01", plan[1].Key);
    }

    [Fact]
    public void Other_days_and_a_disabled_digest_plan_nothing()
    {
        for (var day = Monday.AddDays(1); day < Monday.AddDays(7); day = day.AddDays(1))
        {
            Assert.Empty(SupervisorDigestPlanner.Plan(day, Regions, new DeadlineOptions()));
        }

        Assert.Empty(SupervisorDigestPlanner.Plan(Monday, Regions, new DeadlineOptions { SupervisorDigestEnabled = false }));
    }

    [Fact]
    public void The_configured_weekday_is_used_and_the_key_names_the_iso_week()
    {
        var friday = Monday.AddDays(4);
        var options = new DeadlineOptions { SupervisorDigestDay = DayOfWeek.Friday };

        Assert.Empty(SupervisorDigestPlanner.Plan(Monday, Regions, options));
        var plan = SupervisorDigestPlanner.Plan(friday, Regions, options);
        Assert.Equal(3, plan.Count);
        Assert.Equal("jiangyu-head@jiangyu.example-2027W01", plan[0].Key);

        // 2026-12-28 (a Monday) is in ISO week 53 of 2026; a week later it is 2027's week 1, a different key.
        var late = SupervisorDigestPlanner.Plan(new DateOnly(2026, 12, 28), Regions, new DeadlineOptions());
        Assert.Equal("jiangyu-head@jiangyu.example-2026W53", late[0].Key);
        Assert.Equal(2026, late[0].ReportYear);
    }
}
