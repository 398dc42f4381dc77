using PublishPipeline.IntegrationTests.Site.Fixture;
using Xunit.Abstractions;

namespace PublishPipeline.IntegrationTests.Site;

/// <summary>
/// How the report tables look in the browser: a blank cell is visibly not a 0, on a phone the row labels of a wide
/// table stay on screen while its numbers scroll sideways, and no page is wider than a phone.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class TableLayoutTests(SiteFixture site, ITestOutputHelper output)
{
    /// <summary>
    /// The rendered look of the cells of one table-三 row: text, the content of ::before/::after, colours and
    /// background. The row is the one whose last row header names （二）部分公开.
    /// </summary>
    private const string CellLooks = """
        (label) => {
          const row = [...document.querySelectorAll('tbody tr')].find(tr => {
            const headers = tr.querySelectorAll('th');
            return headers.length > 0 && headers[headers.length - 1].textContent.includes(label);
          });
          if (!row) return null;
          return [...row.querySelectorAll('td')].map(td => {
            const style = getComputedStyle(td);
            const pseudo = which => {
              const content = getComputedStyle(td, which).content;
              return content === 'none' || content === 'normal' ? '' : content;
            };
            return {
              text: td.innerText.trim(),
              label: td.getAttribute('aria-label') || td.getAttribute('title') || '',
              before: pseudo('::before'),
              after: pseudo('::after'),
              background: style.backgroundColor + ' ' + style.backgroundImage,
              color: style.color,
              fontStyle: style.fontStyle,
            };
          });
        }
        """;

    [Fact(Timeout = 180_000)]
    public async Task A_blank_cell_looks_different_from_a_zero()
    {
        await using var browser = await site.OpenPageAsync(Viewports.Desktop);
        Assert.Equal(200, await browser.GoToAsync(site.Server.Url(TestSitePlan.BlankAndZero.Url)));

        var cells = await browser.Page.EvaluateAsync<CellLook[]?>(CellLooks, "部分公开");
        Assert.NotNull(cells);
        Assert.Equal(7, cells!.Length);
        var blank = cells[TestSitePlan.BlankColumn];
        var zero = cells[TestSitePlan.ZeroColumn];
        output.WriteLine($"blank: {blank}\nzero:  {zero}");

        Assert.Equal("0", zero.Text);
        Assert.NotEqual("0", blank.Text);
        var blankShows = blank.Text + blank.Before + blank.After;
        var marked = blankShows.Trim('"', ' ').Length > 0 || blank.Background != zero.Background;
        Assert.True(marked, $"a blank cell shows nothing that sets it apart from an empty or missing value: {blank}");
        Assert.False(blankShows.Contains('0', StringComparison.Ordinal), $"a blank cell reads as a number: {blank}");
    }

    [Fact(Timeout = 180_000)]
    public async Task On_a_phone_row_labels_stay_visible_while_the_numbers_scroll()
    {
        await using var browser = await site.OpenPageAsync(Viewports.Mobile);
        Assert.Equal(200, await browser.GoToAsync(site.Server.Url(TestSitePlan.BlankAndZero.Url)));

        // Every table wider than its scrolling box: scroll it to the end, then measure each body row's label cell.
        var tables = await browser.Page.EvaluateAsync<ScrolledTable[]>("""
            async () => {
              const scroller = el => {
                for (let node = el.parentElement; node; node = node.parentElement) {
                  const overflow = getComputedStyle(node).overflowX;
                  if (overflow === 'auto' || overflow === 'scroll') return node;
                }
                return null;
              };
              const results = [];
              for (const table of document.querySelectorAll('table')) {
                const box = scroller(table);
                if (!box || box.scrollWidth <= box.clientWidth + 1) {
                  results.push({ caption: table.caption?.innerText ?? '', wide: table.getBoundingClientRect().width > window.innerWidth + 1, scrolls: false, scrolled: 0, rows: [] });
                  continue;
                }
                box.scrollLeft = box.scrollWidth;
                await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                const area = box.getBoundingClientRect();
                const rows = [];
                for (const tr of table.querySelectorAll('tbody tr')) {
                  const headers = tr.querySelectorAll('th');
                  if (headers.length === 0) continue;
                  const label = headers[headers.length - 1];
                  const r = label.getBoundingClientRect();
                  rows.push({ label: label.innerText.trim().slice(0, 30), left: r.left - area.left, right: r.right - area.left, width: area.width });
                }
                results.push({ caption: table.caption?.innerText ?? '', wide: true, scrolls: true, scrolled: box.scrollLeft, rows });
              }
              return results;
            }
            """);

        foreach (var table in tables)
        {
            output.WriteLine($"{table.Caption}: scrolls {table.Scrolls}, scrolled {table.Scrolled:F0} px, {table.Rows.Length} labelled rows");
        }

        // A table wider than the phone must scroll in its own box, not push the page sideways.
        var overflowing = tables.Where(t => t.Wide && !t.Scrolls).Select(t => t.Caption).ToList();
        Assert.True(overflowing.Count == 0, "tables wider than the screen that do not scroll on their own: " + string.Join(", ", overflowing));

        var scrolling = tables.Where(t => t.Scrolls && t.Rows.Length > 0).ToList();
        Assert.True(scrolling.Count > 0, "no report table scrolls sideways at 390 px: the test has nothing to check");
        var hidden = new List<string>();
        foreach (var table in scrolling)
        {
            Assert.True(table.Scrolled > 50, $"{table.Caption} did not scroll");
            foreach (var row in table.Rows)
            {
                // Still inside the scrolling box after scrolling to the end: pinned at its left edge.
                if (row.Left < -1 || row.Right > row.Width + 1 || row.Right - row.Left < 20)
                {
                    hidden.Add($"{table.Caption} / {row.Label}: {row.Left:F0}–{row.Right:F0} of {row.Width:F0}");
                }
            }
        }

        Assert.True(hidden.Count == 0, "row labels scrolled out of view:\n" + string.Join("\n", hidden));
    }

    public static TheoryData<string> PageTypes() => [.. SitePageType.All.Select(p => p.Name)];

    /// <summary>At 390 px nothing pushes a page sideways: wide tables and charts scroll inside their own boxes.</summary>
    [Theory(Timeout = 180_000)]
    [MemberData(nameof(PageTypes))]
    public async Task No_page_is_wider_than_a_phone(string pageType)
    {
        var page = SitePageType.Named(pageType);
        await using var browser = await site.OpenPageAsync(Viewports.Mobile);
        await browser.GoToAsync(site.Server.Url(page.Url));
        var width = await browser.Page.EvaluateAsync<double>("() => document.documentElement.scrollWidth");
        output.WriteLine($"{page.Url}: {width} px wide at {Viewports.Mobile.Width} px");
        Assert.True(width <= Viewports.Mobile.Width + 1, $"{page.Name} ({page.Url}) is {width} px wide on a {Viewports.Mobile.Width} px screen");
    }

    // Playwright fills these from the page's JSON: they need settable properties.
    public sealed class CellLook
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";

        public string Before { get; set; } = "";

        public string After { get; set; } = "";

        public string Background { get; set; } = "";

        public string Color { get; set; } = "";

        public string FontStyle { get; set; } = "";

        public override string ToString() =>
            $"text «{Text}», label «{Label}», ::before {Before}, ::after {After}, background {Background}, colour {Color}, {FontStyle}";
    }

    public sealed class ScrolledTable
    {
        public string Caption { get; set; } = "";

        public bool Wide { get; set; }

        public bool Scrolls { get; set; }

        public double Scrolled { get; set; }

        public LabelBox[] Rows { get; set; } = [];
    }

    public sealed class LabelBox
    {
        public string Label { get; set; } = "";

        public double Left { get; set; }

        public double Right { get; set; }

        public double Width { get; set; }
    }
}
