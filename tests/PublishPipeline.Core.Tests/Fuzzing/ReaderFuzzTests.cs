using System.Diagnostics;
using PublishPipeline.Checking;
using PublishPipeline.Fuzzing;
using PublishPipeline.Reports;
using Xunit.Abstractions;

namespace PublishPipeline.Tests.Fuzzing;

/// <summary>
/// A property-based mutator over every reader, seeded with the corpus and our own Word files (<see cref="FuzzSeeds"/>):
/// whatever the bytes, the ingest's read-and-check gives a report, findings, or the A0 reading error in Chinese, and
/// the stored JSON serialises; never an exception, a hang, or allocation out of proportion to the input. Each target is
/// bounded by a time budget (6 s, or FUZZ_TEST_SECONDS); the inputs are a function of FUZZ_SEED and the iteration number, so a
/// failure names both and `FUZZ_SEED=… FUZZ_ITERATION=… dotnet test --filter ReaderFuzzTests` replays exactly that input
/// (FUZZ_DUMP=file writes it out).
/// The AFL++ run (scripts/fuzz.sh) covers the same targets with coverage feedback.
/// </summary>
public class ReaderFuzzTests(ITestOutputHelper output)
{
    private const int MaxIterations = 1_000_000;

    // Reading may hold the input several times over as text, layout and report; a blow-up is orders of magnitude more.
    private const long AllocationAllowance = 64L * 1024 * 1024;
    private const long AllocationPerInputByte = 2000;

    // Not a speed assertion: an input still being read after this long is in a loop.
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

    // Per target in the ordinary test run; FUZZ_TEST_SECONDS gives a longer hunt.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(
        Environment.GetEnvironmentVariable("FUZZ_TEST_SECONDS") is { Length: > 0 } seconds ? int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture) : 6);

    [Theory]
    [InlineData("text")]
    [InlineData("html")]
    [InlineData("json")]
    [InlineData("docx")]
    [InlineData("pdf")]
    public void Mutated_drafts_are_read_or_refused_never_crash_hang_or_blow_up(string target)
    {
        var master = Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } given ? int.Parse(given, System.Globalization.CultureInfo.InvariantCulture) : 20261202;
        var only = Environment.GetEnvironmentVariable("FUZZ_ITERATION") is { Length: > 0 } iteration ? int.Parse(iteration, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var seeds = FuzzSeeds.For(target, Corpus.Directory, maxTexts: 12);
        var others = seeds.Select(s => s.Bytes).ToList();
        var checker = new DraftChecker();

        foreach (var (name, bytes) in seeds)
        {
            Assert.Null(Probe(checker, target, bytes, out _) is { } failure ? $"{target} seed {name} itself: {failure}" : null);
        }

        var clock = Stopwatch.StartNew();
        var done = 0;
        long mostAllocated = 0;
        for (var i = only ?? 0; i < (only + 1 ?? MaxIterations) && (only is not null || clock.Elapsed < Budget); i++, done++)
        {
            var random = new Random(unchecked((master * 1_000_003) + i));
            var seed = seeds[random.Next(seeds.Count)];
            var history = new List<string>();
            var input = Mutator.Mutate(target, seed.Bytes, others, random, history);
            if (only is not null && Environment.GetEnvironmentVariable("FUZZ_DUMP") is { Length: > 0 } dump)
            {
                // To look at the input, or to replay it under the AFL++ harness (PublishPipeline.Fuzz replay).
                File.WriteAllBytes(dump, input);
            }

            if (Probe(checker, target, input, out var allocated) is { } failure)
            {
                Assert.Fail($"{target}: FUZZ_SEED={master} FUZZ_ITERATION={i}: from {seed.Name}, {string.Join("; ", history)} ({input.Length} bytes): {failure}");
            }

            mostAllocated = Math.Max(mostAllocated, allocated);
        }

        output.WriteLine($"{target}: {done} mutated inputs from {seeds.Count} seeds in {clock.Elapsed.TotalSeconds:F1} s (FUZZ_SEED={master}); at most {mostAllocated / 1024} KB allocated for one");
        Assert.True(done > 0);
    }

    /// <summary>What is wrong with checking <paramref name="input"/>, or null when it was read or refused properly.</summary>
    internal static string? Probe(DraftChecker checker, string target, byte[] input, out long allocated)
    {
        var run = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var check = checker.Check(FuzzSeeds.FileName(target), input);
            ReportJson.SerializeToUtf8(check.Document);
            return (Check: check, Allocated: GC.GetAllocatedBytesForCurrentThread() - before);
        });
        allocated = 0;
        try
        {
            if (!run.Wait(HangAfter))
            {
                return $"still reading after {HangAfter.TotalSeconds} s: a loop";
            }
        }
        catch (AggregateException ex)
        {
            return "threw " + ex.InnerException;
        }

        var (check, used) = run.Result;
        allocated = used;
        var bound = AllocationAllowance + (AllocationPerInputByte * input.Length);
        if (used > bound)
        {
            return $"allocated {used / 1024 / 1024} MB for {input.Length} bytes (bound {bound / 1024 / 1024} MB)";
        }

        if (check.ExitCode is not (DraftCheck.Clean or DraftCheck.HasErrorsCode or DraftCheck.UnreadableCode))
        {
            return $"exit code {check.ExitCode}";
        }

        if (check.IsUnreadable)
        {
            // The reading error (A0, or I1 for text garbled beyond repair) is the agency's only answer: present, in Chinese.
            var error = check.Document.Findings.FirstOrDefault(f => f.Rule is "A0" or "I1" && f.Severity == Severity.Error);
            if (error is null || !error.Message.Any(c => c is >= '\u4e00' and <= '\u9fff'))
            {
                return "unreadable without an A0 or I1 error in Chinese: " + string.Join(" / ", check.Document.Findings.Select(f => $"{f.Rule} {f.Message}"));
            }
        }

        return null;
    }
}
