using System.Globalization;
using System.Security.Cryptography;

namespace Tidemark.Automation;

/// <summary>
/// Names one <c>tidemark run</c>: its start time (UTC, sortable) and six random hex digits, e.g.
/// <c>20261203T131404Z-1a2b3c</c>. Its audit events, run records and pushed commits carry it (<c>tidemark audit --run</c>).
/// </summary>
internal static class RunIds
{
    public static string New(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + RandomNumberGenerator.GetHexString(6, lowercase: true);
    }
}
