using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublishPipeline.Agencies;
using PublishPipeline.Pipeline.Deadlines;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Pipeline.Deadlines;

public class DeadlineOptionsConfigurationTests
{
    private static DeadlineOptions Read(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddDeadlineOptions().Services
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<DeadlineOptions>>().Value;
    }

    [Fact]
    public void Without_settings_the_defaults_apply()
    {
        var options = Read();

        Assert.Equal([14, 7, 3, 1], options.ReminderDaysBefore);
        Assert.True(options.DigestEnabled);
        Assert.True(options.OverdueReminders);
        Assert.Equal(8, options.OverdueWeeks);
        Assert.Same(DeadlineCalendar.National, options.Calendar);
    }

    [Fact]
    public void An_app_setting_with_double_underscores_carries_the_days_as_one_string()
    {
        // Azure app settings reach the host as environment variables; a unique prefix keeps this test to itself.
        const string prefix = "PUBPIPE_DEADLINE_TEST_";
        Environment.SetEnvironmentVariable(prefix + "Deadlines__ReminderDaysBefore", "10,5,2");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            var options = new DeadlineOptions();

            DeadlineOptionsConfiguration.Bind(configuration.GetSection(DeadlineOptions.Section), options);

            Assert.Equal([10, 5, 2], options.ReminderDaysBefore);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Deadlines__ReminderDaysBefore", null);
        }
    }

    [Theory]
    [InlineData("14,7,3,1", new[] { 14, 7, 3, 1 })]
    [InlineData(" 1, 14 ,3 ", new[] { 14, 3, 1 })]
    [InlineData("7;7;0", new[] { 7, 0 })]
    [InlineData("21，7", new[] { 21, 7 })]
    [InlineData("", new int[0])]
    public void The_day_list_is_read_from_one_string(string value, int[] expected)
    {
        Assert.Equal(expected, Read(("Deadlines:ReminderDaysBefore", value)).ReminderDaysBefore);
    }

    [Fact]
    public void An_indexed_list_replaces_the_default_days_instead_of_adding_to_them()
    {
        var options = Read(("Deadlines:ReminderDaysBefore:0", "5"), ("Deadlines:ReminderDaysBefore:1", "2"));

        Assert.Equal([5, 2], options.ReminderDaysBefore);
    }

    [Theory]
    [InlineData("7,x")]
    [InlineData("-1")]
    [InlineData("3.5")]
    public void A_malformed_day_list_fails_loudly_naming_the_setting(string value)
    {
        var error = Assert.Throws<FormatException>(() => Read(("Deadlines:ReminderDaysBefore", value)));

        Assert.Contains("Deadlines__ReminderDaysBefore", error.Message);
    }

    [Fact]
    public void The_switches_and_the_overdue_weeks_are_read_and_a_typo_fails()
    {
        var options = Read(("Deadlines:DigestEnabled", "false"), ("Deadlines:OverdueReminders", " False "), ("Deadlines:OverdueWeeks", "4"));

        Assert.False(options.DigestEnabled);
        Assert.False(options.OverdueReminders);
        Assert.Equal(4, options.OverdueWeeks);
        Assert.Contains("Deadlines__OverdueWeeks", Assert.Throws<FormatException>(() => Read(("Deadlines:OverdueWeeks", "-1"))).Message);
        Assert.Contains("Deadlines__DigestEnabled", Assert.Throws<FormatException>(() => Read(("Deadlines:DigestEnabled", "nein"))).Message);
    }

    [Theory]
    [InlineData(null, DayOfWeek.Monday)]
    [InlineData("Friday", DayOfWeek.Friday)]
    [InlineData(" tuesday ", DayOfWeek.Tuesday)]
    [InlineData("1", DayOfWeek.Monday)]
    [InlineData("7", DayOfWeek.Sunday)]
    public void The_supervisor_digest_day_is_a_weekday_by_name_or_iso_number(string? value, DayOfWeek expected)
    {
        Assert.Equal(expected, Read(("Deadlines:SupervisorDigestDay", value)).SupervisorDigestDay);
        Assert.True(Read().SupervisorDigestEnabled);
        Assert.False(Read(("Deadlines:SupervisorDigestEnabled", "false")).SupervisorDigestEnabled);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("周一")]
    public void A_weekday_that_is_none_fails_naming_the_setting(string value) =>
        Assert.Contains("Deadlines__SupervisorDigestDay", Assert.Throws<FormatException>(() => Read(("Deadlines:SupervisorDigestDay", value))).Message);

    [Fact]
    public void Local_deadlines_override_their_levels_and_leave_the_others_national()
    {
        var calendar = Read(("Deadlines:LocalDeadlines", "部门=2-31; 乡镇街道=2-20")).Calendar;

        Assert.Equal(new DateOnly(2028, 2, 29), calendar.DeadlineFor(AgencyLevels.Department, 2027));
        Assert.Equal(new DateOnly(2027, 2, 20), calendar.DeadlineFor(AgencyLevels.Township, 2026));
        Assert.Equal(new DateOnly(2027, 1, 31), calendar.DeadlineFor(AgencyLevels.StateCouncilDepartment, 2026));
        Assert.Equal(new DateOnly(2027, 3, 31), calendar.DeadlineFor(AgencyLevels.County, 2026));
    }

    [Theory]
    [InlineData("市直=1-28")]
    [InlineData("部门=13-1")]
    [InlineData("部门=2-0")]
    [InlineData("部门 2-28")]
    [InlineData("部门=2月28日")]
    public void A_malformed_local_deadline_fails_loudly(string value)
    {
        Assert.Throws<FormatException>(() => Read(("Deadlines:LocalDeadlines", value)));
    }
}
