namespace Tidemark.Doctor;

/// <summary>
/// How a doctor finding reads: ✔ ok (proven), ! warning, ✖ error, - skipped (a check it depends on failed), ? not
/// proven (a capability no probe tested: e.g. creating a pull request without <c>--write-probe</c>). Only ok is a pass.
/// </summary>
internal enum CheckLevel
{
    Ok,
    Warning,
    Error,
    Skipped,
    NotProven,
}
