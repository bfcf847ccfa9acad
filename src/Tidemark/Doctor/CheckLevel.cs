namespace Tidemark.Doctor;

/// <summary>How a doctor finding reads: ✔ ok, ! warning, ✖ error, - skipped (a check it depends on failed).</summary>
internal enum CheckLevel
{
    Ok,
    Warning,
    Error,
    Skipped,
}
