using System.CommandLine;
using PublishPipeline.Cli.Dev;
using PublishPipeline.Hosting;

namespace PublishPipeline.Tests.Cli;

/// <summary>
/// <c>pubpipe dev</c> binds the catalogue in a loop: every function of it, as it is declared, and nothing else under
/// /api/ (the comparison with the Functions app's functions.metadata is in the integration tests, which build the app).
/// </summary>
public sealed class DevHostWiringTests
{
    private static IReadOnlyList<FunctionBinding> Bind(Dictionary<string, string?>? settings = null)
    {
        var options = new DevHostOptions { ApiPort = 1, SitePort = 2 };
        foreach (var (key, value) in settings ?? [])
        {
            options.Settings[key] = value;
        }

        using var app = DevHost.Build(options, DevHost.Settings(options, "UseDevelopmentStorage=true"), new MailSink(null));
        return DevBindings.Read(app);
    }

    private static IEnumerable<FunctionBinding> Declared() =>
        PipelineFunctions.All.Select(f => f switch
        {
            HttpFunction h => new FunctionBinding(h.Name, "httpTrigger", DevBindings.HttpTarget(h.Method, h.Route)),
            QueueFunction q => new FunctionBinding(q.Name, "queueTrigger", q.QueueName),
            BlobFunction b => new FunctionBinding(b.Name, "blobTrigger", b.Path),
            TimerFunction t => new FunctionBinding(t.Name, "timerTrigger", t.Schedule),
            _ => throw new InvalidOperationException(f.GetType().Name),
        });

    [Fact]
    public void With_every_schedule_set_the_dev_host_binds_exactly_the_catalogue()
    {
        var everySchedule = PipelineFunctions.All.OfType<TimerFunction>().ToDictionary(t => t.ScheduleSetting, string? (_) => "0 0 1 * * *");

        Assert.Equal(
            Declared().Select(b => b.ToString()).Order(StringComparer.Ordinal),
            Bind(everySchedule).Select(b => b.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void By_default_a_timer_without_a_local_schedule_runs_on_demand_only()
    {
        var timers = Bind().Where(b => b.Trigger == "timerTrigger").Select(b => b.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            PipelineFunctions.All.OfType<TimerFunction>().Where(t => t.LocalSchedule is not null).Select(t => t.Name).Order(StringComparer.Ordinal),
            timers);
    }

    [Fact]
    public void The_generated_webjobs_functions_are_the_catalogues_queue_and_blob_functions()
    {
        var generated = DevTriggers.Type.GetMethods()
            .Select(m => m.GetCustomAttributes(typeof(Microsoft.Azure.WebJobs.FunctionNameAttribute), false).OfType<Microsoft.Azure.WebJobs.FunctionNameAttribute>().SingleOrDefault()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            PipelineFunctions.All.Where(f => f is QueueFunction or BlobFunction).Select(f => f.Name).Order(StringComparer.Ordinal),
            generated);
        Assert.True(typeof(DevTriggerMethods).IsAssignableFrom(DevTriggers.Type));
    }

    [Fact]
    public void Shared_storage_is_printed_without_its_key_or_token()
    {
        var printed = StorageConnection.WithoutSecrets(
            "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net;SharedAccessSignature=sv=2025&sig=abc");

        Assert.Equal("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=***;EndpointSuffix=core.windows.net;SharedAccessSignature=***", printed);
    }

    [Fact]
    public void A_taken_azurite_port_is_refused_naming_the_options()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var error = Assert.Throws<DevHostException>(() => AzuriteProcess.ChoosePorts(port, TextWriter.Null));

        Assert.Contains("--azurite-port", error.Message, StringComparison.Ordinal);
        Assert.Contains("--storage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Port_zero_gives_three_free_ports()
    {
        var ports = AzuriteProcess.ChoosePorts(0, TextWriter.Null);

        Assert.Equal(3, ports.All().Distinct().Count());
        Assert.All(ports.All(), p => Assert.True(AzuriteProcess.IsFree(p)));
    }

    [Fact]
    public void Storage_and_azurite_port_exclude_each_other()
    {
        var parse = new RootCommand { DevCommand.Create() }.Parse(["dev", "--storage", "UseDevelopmentStorage=true", "--azurite-port", "10100"]);

        Assert.Contains(parse.Errors, e => e.Message.Contains("--storage and --azurite-port", StringComparison.Ordinal));
    }

    [Fact]
    public void Reset_clears_the_data_folder_but_keeps_its_lock_and_says_what_it_cleared()
    {
        var folder = Directory.CreateTempSubdirectory("pubpipe-devdata-").FullName;
        try
        {
            using var data = DevData.Open(folder);
            Directory.CreateDirectory(data.Mail);
            File.WriteAllText(Path.Combine(data.Mail, "0001.json"), "{}");
            Directory.CreateDirectory(Path.Combine(data.Azurite, "blobstorage"));

            var cleared = data.Clear();

            Assert.Contains(cleared, c => c.Contains("1 received email(s)", StringComparison.Ordinal));
            Assert.Contains(cleared, c => c.Contains("Azurite's blobs, queues and tables", StringComparison.Ordinal));
            Assert.Equal(["pubpipe-dev.lock"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
            Assert.Throws<DevHostException>(() => DevData.Open(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
