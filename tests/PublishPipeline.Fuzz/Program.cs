using PublishPipeline.Checking;
using PublishPipeline.Fuzzing;
using PublishPipeline.Reports;
using SharpFuzz;

// The AFL++ harness. Each target feeds AFL's input to the same read-and-check the pipeline's ingest runs (DraftChecker:
// DraftReader picks the reader, then the validator; then the document is written as JSON), under the file name that
// selects one reader. A bad input must come back as an A0 finding; an exception escaping, a hang (afl-fuzz -t) or an
// allocation far beyond the input is a crash.
//
//   PublishPipeline.Fuzz seeds <corpus-dir> <out-dir>   writes each target's seeds to <out-dir>/<target>/
//   PublishPipeline.Fuzz <target>                       the AFL++ loop (text, html, json, docx, pdf)
//   PublishPipeline.Fuzz replay <target> <file>...      reads each file once and prints the outcome (to reproduce a
//                                                       crash; run it from the uninstrumented build)
if (args is ["seeds", var corpus, var output])
{
    foreach (var target in FuzzSeeds.Targets)
    {
        var directory = Directory.CreateDirectory(Path.Combine(output, target));
        // Few and small: AFL++ calibrates every seed, and a .NET exec is slow enough that fewer seeds explore further.
        var seeds = FuzzSeeds.For(target, corpus, maxTexts: 6);
        foreach (var (name, bytes) in seeds)
        {
            File.WriteAllBytes(Path.Combine(directory.FullName, name), bytes);
        }

        Console.WriteLine($"{target}: {seeds.Count} seeds in {directory.FullName}");
    }

    return 0;
}

if (args is ["replay", var replayTarget, .. var files])
{
    var failed = 0;
    foreach (var file in files)
    {
        try
        {
            var outcome = Harness.Check(replayTarget, File.ReadAllBytes(file));
            Console.WriteLine($"{file}: {outcome}");
        }
        catch (Exception ex)
        {
            failed++;
            Console.WriteLine($"{file}: CRASH {ex}");
        }
    }

    return failed == 0 ? 0 : 1;
}

if (args is [var fuzzTarget] && FuzzSeeds.Targets.Contains(fuzzTarget))
{
    // Nothing instrumented may run before Run: the coverage map it writes to is only set up there.
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        Harness.Check(fuzzTarget, memory.ToArray());
    });
    return 0;
}

Console.Error.WriteLine($"usage: PublishPipeline.Fuzz seeds <corpus-dir> <out-dir> | <target> | replay <target> <file>...; targets: {string.Join(", ", FuzzSeeds.Targets)}");
return 2;

internal static class Harness
{
    // Reading a file may build its text, layout and report several times over; far past that is a leak or a bomb.
    private const long AllocationPerInputByte = 400;
    private const long AllocationAllowance = 256L * 1024 * 1024;

    private static readonly DraftChecker Checker = new();

    public static string Check(string target, byte[] input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var check = Checker.Check(FuzzSeeds.FileName(target), input);
        // The pipeline stores the checked document as JSON: writing it must not throw either.
        ReportJson.SerializeToUtf8(check.Document);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > AllocationAllowance + (AllocationPerInputByte * input.Length))
        {
            throw new InsufficientMemoryException($"checking {input.Length} bytes allocated {allocated} bytes");
        }

        var a0 = check.Document.Findings.FirstOrDefault(f => f.Rule == "A0");
        return $"exit {check.ExitCode}, {check.Document.Source.Format}, {allocated / 1024} KB allocated" + (a0 is null ? "" : $", A0: {a0.Message}");
    }
}
