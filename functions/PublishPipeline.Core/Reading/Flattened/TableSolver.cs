using PublishPipeline.Reports;

namespace PublishPipeline.Reading.Flattened;

/// <summary>
/// Reads tables 三 and 四 from runs of digits by their arithmetic, as a whole. Table 三: each row's 总计 is the sum of the
/// six applicant columns; per column, (七)总计 is the sum of the result rows and 一 + 二 = (七)总计 + 四. Each row's
/// candidate splits that satisfy its own total are combined by backtracking over the column identities; a row is read
/// only when every solution of the table gives it the same numbers. Table 四: each group's 总计 is the sum of its other
/// four cells. Nothing is guessed: a row with several solutions, or none, is returned as unread.
/// </summary>
internal static class TableSolver
{
    private const int RequestColumns = 7;
    private const int ReviewColumns = 5;

    // The backtracking stops after this many steps; rows it could not settle by then stay unread.
    private const int MaxSteps = 500_000;

    public sealed record RowRun(string Key, string Printed);

    public sealed record Outcome(Dictionary<string, decimal[]> Read, List<UnreadRow> Unread);

    public static Outcome SolveRequests(IReadOnlyList<RowRun> rows, ReportTemplate template)
    {
        var integers = Enumerable.Repeat(false, RequestColumns).ToArray();
        var candidates = new Dictionary<string, List<decimal[]>>();
        var complete = new Dictionary<string, bool>();
        foreach (var row in rows)
        {
            if (candidates.ContainsKey(row.Key))
            {
                continue; // a row printed twice: the first one counts, as in TableExtractor
            }

            var splits = RunSplitter.Split(row.Printed, integers, static (v, n) => n == RequestColumns && v[..6].Sum() == v[6]);
            candidates[row.Key] = splits.Candidates;
            complete[row.Key] = splits.Complete;
        }

        // The column identities over the rows that have candidates: Σ(sign × row[c]) = 0 for every column c.
        var resultKeys = template.Requests.ResultRows.Select(r => r.Key).ToList();
        var constraints = new List<(string Key, int Sign)[]>();
        if (resultKeys.All(Usable) && Usable("total"))
        {
            constraints.Add([("total", 1), .. resultKeys.Select(k => (k, -1))]);
        }

        if (new[] { "new", "carried_in", "total", "carried_out" }.All(Usable))
        {
            constraints.Add([("new", 1), ("carried_in", 1), ("total", -1), ("carried_out", -1)]);
        }

        // Rows settled on their own are constants; the others are searched, in printed order.
        var open = candidates.Where(c => c.Value.Count > 1 && complete[c.Key]).Select(c => c.Key).ToList();
        var chosen = candidates.Where(c => c.Value.Count == 1).ToDictionary(c => c.Key, c => c.Value[0]);
        var used = open.ToDictionary(k => k, _ => new HashSet<int>());
        var solutions = 0;
        var steps = 0;
        var finished = true;
        var relevant = constraints.Where(c => c.All(t => candidates.ContainsKey(t.Key))).ToList();
        var picks = new int[open.Count];
        if (relevant.Count > 0 || open.Count == 0)
        {
            Search(0);
        }

        var read = new Dictionary<string, decimal[]>();
        var unread = new List<UnreadRow>();
        foreach (var row in rows)
        {
            if (read.ContainsKey(row.Key) || unread.Exists(u => u.Row == row.Key))
            {
                continue;
            }

            var list = candidates[row.Key];
            var settled = list.Count == 1 ? list[0]
                : open.Contains(row.Key) && finished && solutions > 0 && used[row.Key].Count == 1 ? list[used[row.Key].Single()]
                : null;
            if (settled is not null)
            {
                read[row.Key] = settled;
                continue;
            }

            var left = !complete[row.Key] ? list
                : open.Contains(row.Key) && finished && solutions > 0 ? used[row.Key].Select(i => list[i]).ToList()
                : list;
            unread.Add(Unread(ValidationTable.Requests, row.Key, row.Printed, complete[row.Key] ? left : null));
        }

        return new Outcome(read, unread);

        bool Usable(string key) => candidates.ContainsKey(key) && candidates[key].Count > 0 && complete[key];

        void Search(int depth)
        {
            if (++steps > MaxSteps)
            {
                finished = false;
                return;
            }

            if (depth == open.Count)
            {
                solutions++;
                for (var i = 0; i < open.Count; i++)
                {
                    used[open[i]].Add(picks[i]);
                }

                return;
            }

            var key = open[depth];
            var list = candidates[key];
            for (var i = 0; i < list.Count && finished; i++)
            {
                picks[depth] = i;
                chosen[key] = list[i];
                if (relevant.All(Holds))
                {
                    Search(depth + 1);
                }
            }

            chosen.Remove(key);
        }

        // A constraint is checked once all its rows have numbers; before that it cannot fail.
        bool Holds((string Key, int Sign)[] constraint)
        {
            if (!constraint.All(t => chosen.ContainsKey(t.Key)))
            {
                return true;
            }

            for (var c = 0; c < RequestColumns; c++)
            {
                decimal sum = 0;
                foreach (var (key, sign) in constraint)
                {
                    sum += sign * chosen[key][c];
                }

                if (sum != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Table 四 from its runs in printed order (spaces and run ends are cell boundaries).</summary>
    public static Outcome SolveReview(string printed, ReportTemplate template)
    {
        var groups = template.ReviewLitigation.Groups;
        var columns = groups.Count * ReviewColumns;
        var splits = RunSplitter.Split(printed, Enumerable.Repeat(false, columns).ToArray(), GroupTotals, ReviewColumns);
        var read = new Dictionary<string, decimal[]>();
        var unread = new List<UnreadRow>();
        for (var g = 0; g < groups.Count; g++)
        {
            var values = splits.Candidates.Select(c => c.AsSpan(g * ReviewColumns, ReviewColumns).ToArray()).ToList();
            var distinct = values.DistinctBy(RunSplitter.Show).ToList();
            if (splits.Complete && distinct.Count == 1 && splits.Candidates.Count > 0)
            {
                read[groups[g].Key] = distinct[0];
            }
            else
            {
                unread.Add(Unread(ValidationTable.Review, groups[g].Key, printed, splits.Complete ? distinct : null));
            }
        }

        return new Outcome(read, unread);

        static bool GroupTotals(decimal[] values, int filled)
        {
            for (var start = 0; start + ReviewColumns <= filled; start += ReviewColumns)
            {
                if (values[start] + values[start + 1] + values[start + 2] + values[start + 3] != values[start + 4])
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>An unread row with what its candidates say per column; null candidates: too many to count.</summary>
    public static UnreadRow Unread(string table, string row, string printed, IReadOnlyList<decimal[]>? candidates)
    {
        if (candidates is null)
        {
            return new UnreadRow(table, row, printed, -1);
        }

        var width = candidates.Count == 0 ? 0 : candidates[0].Length;
        var possible = candidates.Count == 0 ? null
            : Enumerable.Range(0, width).Select(c => (IReadOnlyList<decimal>)candidates.Select(v => v[c]).Distinct().Order().ToList()).ToList();
        return new UnreadRow(table, row, printed, candidates.Count, possible);
    }

    /// <summary>The contract's table keys (the Validation layer's names, which Reading may not reference).</summary>
    public static class ValidationTable
    {
        public const string Proactive = "proactive";
        public const string Requests = "requests";
        public const string Review = "review_litigation";
    }
}
