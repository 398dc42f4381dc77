using System.Text.RegularExpressions;
using NCrontab;
using PublishPipeline.Hosting;

namespace PublishPipeline.Tests.Hosting;

/// <summary>The catalogue both hosts bind: one entry per function, each a trigger both hosts can serve.</summary>
public sealed class PipelineFunctionsTests
{
    [Fact]
    public void Every_function_has_its_own_name()
    {
        var names = PipelineFunctions.All.Select(f => f.Name).ToList();
        Assert.Equal(names.Distinct(StringComparer.Ordinal), names);
    }

    [Fact]
    public void No_two_http_functions_answer_the_same_method_and_route()
    {
        var routes = PipelineFunctions.All.OfType<HttpFunction>().Select(f => f.Method + " " + f.Route).ToList();
        Assert.Equal(routes.Distinct(StringComparer.OrdinalIgnoreCase), routes);
    }

    [Fact]
    public void Http_routes_carry_at_most_the_id_the_handlers_take()
    {
        foreach (var function in PipelineFunctions.All.OfType<HttpFunction>())
        {
            var parameters = Regex.Matches(function.Route, @"\{([^}]+)\}").Select(m => m.Groups[1].Value);
            Assert.All(parameters, p => Assert.Equal("id", p));
            Assert.False(function.Route.StartsWith('/'), $"{function.Name}: routes are relative to /api/");
            Assert.Contains(function.Method, new[] { PipelineFunctions.Get, PipelineFunctions.Post });
        }
    }

    [Fact]
    public void Timer_schedules_are_app_settings_and_local_schedules_are_six_field_cron()
    {
        foreach (var timer in PipelineFunctions.All.OfType<TimerFunction>())
        {
            Assert.Matches("^%[A-Za-z]+%$", timer.Schedule);
            Assert.Equal(timer.Schedule, $"%{timer.ScheduleSetting}%");
            if (timer.LocalSchedule is not null)
            {
                var cron = CrontabSchedule.Parse(timer.LocalSchedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
                var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                Assert.True(cron.GetNextOccurrence(start) - start <= TimeSpan.FromMinutes(1), $"{timer.Name} should run often in a local run");
            }
        }
    }

    [Fact]
    public void Lookups_find_the_entry_of_their_kind_and_refuse_another_kind()
    {
        Assert.Equal(PipelineFunctions.SendNotice, PipelineFunctions.Queue(PipelineFunctions.SendNotice).Name);
        var error = Assert.Throws<InvalidOperationException>(() => PipelineFunctions.Http(PipelineFunctions.SendNotice));
        Assert.Contains(PipelineFunctions.SendNotice, error.Message, StringComparison.Ordinal);
    }
}
