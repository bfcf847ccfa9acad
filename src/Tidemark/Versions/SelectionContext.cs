namespace Tidemark.Versions;

/// <summary>
/// Bookkeeping of one selection: applies the filter, counts verdicts per stage, keeps per-tag verdicts only when
/// explaining (so the hot loop does not allocate), breaks ties and builds the <see cref="Selection"/>.
/// </summary>
internal sealed class SelectionContext
{
    private static readonly Verdict[] StepOrder =
    [
        Verdict.FilteredOut, Verdict.NotAVersion, Verdict.DifferentShape, Verdict.PreRelease, Verdict.NotNewer,
        Verdict.OutsidePolicy,
    ];

    private readonly TagFilter? filter;
    private readonly int[] counts = new int[Enum.GetValues<Verdict>().Length];
    private readonly Verdict[]? verdicts;
    private readonly string[]? texts;

    public SelectionContext(IReadOnlyList<string> tags, TagFilter? filter, string? current, bool explain)
    {
        Tags = tags;
        Current = current;
        this.filter = filter;
        if (explain)
        {
            verdicts = new Verdict[tags.Count];
            texts = new string[tags.Count];
        }
    }

    public IReadOnlyList<string> Tags { get; }

    public string? Current { get; }

    public bool Explain => verdicts is not null;

    /// <summary>How the "not a version" step reads, e.g. "not versions" or "not numbers".</summary>
    public string NotAVersionLabel { get; set; } = "not versions";

    /// <summary>How the "outside the policy" step reads, e.g. "outside ^1.2".</summary>
    public string OutsideLabel { get; set; } = "outside the policy";

    /// <summary>The value the policy compares for a tag: the tag itself or its extract; null when filtered out.</summary>
    public string? ValueOf(int index)
    {
        var tag = Tags[index];
        if (filter is null)
        {
            return tag;
        }

        var value = filter.Apply(tag);
        if (value is null)
        {
            Reject(index, Verdict.FilteredOut, Explain ? $"does not match {filter.Pattern}" : null);
        }

        return value;
    }

    public void Reject(int index, Verdict verdict, string? text)
    {
        counts[(int)verdict]++;
        if (verdicts is not null && texts is not null)
        {
            verdicts[index] = verdict;
            texts[index] = text ?? string.Empty;
        }
    }

    public void Accept(int index)
    {
        counts[(int)Verdict.Lower]++;
        verdicts?[index] = Verdict.Lower;
    }

    /// <summary>
    /// True when <paramref name="candidate"/> should replace <paramref name="best"/>: it ranks higher, or it ties and
    /// wins the tie-break (the current tag itself, then the current tag's <c>v</c> prefix, then the ordinally greater tag).
    /// </summary>
    public bool Beats(int comparison, int candidate, int best)
    {
        if (best < 0 || comparison != 0)
        {
            return best < 0 || comparison > 0;
        }

        string left = Tags[candidate], right = Tags[best];
        if (Current is not null && (left == Current || right == Current))
        {
            return left == Current && right != Current;
        }

        if (Current is not null && left.StartsWith('v') != right.StartsWith('v'))
        {
            return left.StartsWith('v') == Current.StartsWith('v');
        }

        return string.CompareOrdinal(left, right) > 0;
    }

    public Selection Finish(int winner, string reason) =>
        new(winner < 0 ? null : Tags[winner], reason, counts[(int)Verdict.Lower], BuildSteps(), BuildVerdicts(winner));

    private List<SelectionStep> BuildSteps()
    {
        var steps = new List<SelectionStep>();
        foreach (var verdict in StepOrder)
        {
            var count = counts[(int)verdict];
            if (count > 0)
            {
                steps.Add(new SelectionStep(verdict, count, DescribeStep(verdict, count)));
            }
        }

        return steps;
    }

    private string DescribeStep(Verdict verdict, int count) => verdict switch
    {
        Verdict.FilteredOut => $"filter {filter?.Pattern} removed {count}",
        Verdict.NotAVersion => $"{count} {(count == 1 ? "tag is" : "tags are")} {NotAVersionLabel}",
        Verdict.DifferentShape => $"{count} of another shape than {Current}",
        Verdict.PreRelease => $"{count} {(count == 1 ? "pre-release" : "pre-releases")}",
        Verdict.NotNewer => $"{count} not newer than {Current}",
        _ => $"{count} {OutsideLabel}",
    };

    private TagVerdict[] BuildVerdicts(int winner)
    {
        if (verdicts is null || texts is null)
        {
            return [];
        }

        var result = new TagVerdict[verdicts.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var verdict = i == winner ? Verdict.Selected : verdicts[i];
            var text = verdict switch
            {
                Verdict.Selected => "selected",
                Verdict.Lower => $"ranks below {Tags[winner]}",
                _ => texts[i],
            };
            result[i] = new TagVerdict(Tags[i], verdict, text);
        }

        return result;
    }
}
