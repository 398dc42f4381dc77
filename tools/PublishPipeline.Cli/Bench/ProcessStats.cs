using System.Globalization;

namespace PublishPipeline.Cli.Bench;

/// <summary>Another process's peak memory and CPU time, read from <c>/proc</c> (Azurite runs beside the bench as a Node process).</summary>
internal static class ProcessStats
{
    /// <summary>The kernel's high-water mark of the process's resident set (VmHWM), in bytes; null where /proc is not there.</summary>
    public static long? PeakWorkingSet(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?["VmHWM:".Length..].Trim().Split(' ')[0];
        return long.TryParse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
    }

    /// <summary>User + system CPU time the process has used so far; null where /proc is not there.</summary>
    public static TimeSpan? CpuTime(int processId)
    {
        var stat = $"/proc/{processId}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);

        // USER_HZ is 100 on Linux.
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
