using PublishPipeline.Cli.Dev;

namespace PublishPipeline.Tests.Cli;

public sealed class MailFaultsTests
{
    [Fact]
    public void Phases_run_one_after_another_and_end()
    {
        var clock = new SteppedClock(new DateTimeOffset(2027, 1, 28, 0, 0, 0, TimeSpan.Zero));
        var faults = new MailFaults(clock);
        var (phases, error) = MailFaults.Parse("""[{"status":429,"seconds":15,"retryAfter":2},{"status":500,"seconds":15}]""");
        Assert.Null(error);
        var until = faults.Schedule(phases!);
        Assert.Equal(clock.Now.AddSeconds(30), until);

        Assert.Equal(429, faults.Current(["a@x.cn"])!.Status);
        Assert.Equal(2, faults.Current(["a@x.cn"])!.RetryAfter);
        clock.Now = clock.Now.AddSeconds(15);
        Assert.Equal(500, faults.Current(["a@x.cn"])!.Status);
        clock.Now = clock.Now.AddSeconds(15);
        Assert.Null(faults.Current(["a@x.cn"]));
    }

    [Fact]
    public void A_phase_for_some_recipients_leaves_the_others_alone()
    {
        var faults = new MailFaults();
        faults.Schedule([new MailFault(400, 60, To: "bounce-1@")]);
        Assert.Equal(400, faults.Current(["x@x.cn", "BOUNCE-1@agency.example"])!.Status);
        Assert.Null(faults.Current(["x@x.cn"]));
        faults.Clear();
        Assert.Null(faults.Current(["bounce-1@agency.example"]));
    }

    [Theory]
    [InlineData("""{"status":200,"seconds":10}""")]
    [InlineData("""{"status":429,"seconds":0}""")]
    [InlineData("""{"status":429,"seconds":100000}""")]
    [InlineData("""{"status":429,"seconds":10,"retryAfter":-1}""")]
    [InlineData("""{"status":429,"seconds":10,"forever":true}""")]
    [InlineData("""[]""")]
    [InlineData("""429""")]
    [InlineData("""nope""")]
    public void A_fault_that_is_not_a_bounded_error_is_refused(string json) =>
        Assert.NotNull(MailFaults.Parse(json).Error);

    [Theory]
    [InlineData("429:30:2", 429, 30d, 2)]
    [InlineData("500:30", 500, 30d, null)]
    public void The_command_line_form_reads_status_seconds_and_retry_after(string text, int status, double seconds, int? retryAfter) =>
        Assert.Equal(new MailFault(status, seconds, retryAfter), MailFaults.ParseOption(text));

    [Theory]
    [InlineData("429")]
    [InlineData("200:30")]
    [InlineData("429:-1")]
    [InlineData("429:30:x")]
    [InlineData("429:30:2:1")]
    public void A_malformed_command_line_fault_is_refused(string text) =>
        Assert.Null(MailFaults.ParseOption(text));

    private sealed class SteppedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
