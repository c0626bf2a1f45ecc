using System.Globalization;
using System.Text;

namespace PileRig.Benchmarks.Figures;

/// <summary>One line of the results: the product's figure, PostgreSQL's for the same kind of work, their ratio, the target.</summary>
public sealed record Row(string Figure, string Product, string Ceiling, string Ratio, string Target, string Verdict);

/// <summary>docs/benchmarks.md: tables of figures by section, then free text (where the time goes, the machine).</summary>
public sealed class Report
{
    private readonly List<(string Section, List<Row> Rows, List<string> Notes)> _sections = [];

    public void Section(string title) => _sections.Add((title, [], []));

    public void Add(string figure, string product, string target = "", bool? met = null, string ceiling = "", string ratio = "") =>
        _sections[^1].Rows.Add(new Row(figure, product, ceiling, ratio, target, met switch { true => "met", false => "**not met**", null => "" }));

    public void Note(string markdown) => _sections[^1].Notes.Add(markdown);

    public static string F(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double ratio) => (ratio * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    public string Render(string header)
    {
        var text = new StringBuilder(header);
        foreach (var (title, rows, notes) in _sections)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
            if (rows.Count > 0)
            {
                text.AppendLine("| figure | product | PostgreSQL ceiling | ratio | target | |").AppendLine("|---|---:|---:|---:|---|---|");
                foreach (var r in rows)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Figure} | {r.Product} | {r.Ceiling} | {r.Ratio} | {r.Target} | {r.Verdict} |");
                }

                text.AppendLine();
            }

            foreach (var note in notes)
            {
                text.AppendLine(note).AppendLine();
            }
        }

        return text.ToString();
    }
}
