namespace Tidemark.Versions;

/// <summary>How many tags one stage removed and why, e.g. <c>(NotNewer, 40, "40 not newer than v1.16.2")</c>.</summary>
internal sealed record SelectionStep(Verdict Verdict, int Removed, string Text);
