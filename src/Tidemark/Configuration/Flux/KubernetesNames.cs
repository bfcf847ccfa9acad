using System.Text.RegularExpressions;

namespace Tidemark.Configuration.Flux;

/// <summary>
/// Kubernetes object names (a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', each dot-separated part
/// starting and ending with a letter or digit, at most 253 characters). A Secret name read from the repository selects a
/// folder under the operator's --secrets-dir, so a name that is not one (<c>..</c>, <c>/</c>, uppercase) is refused.
/// </summary>
internal static partial class KubernetesNames
{
    public const int MaxLength = 253;

    /// <summary>The fix for a Secret name that is not an object name.</summary>
    public static readonly string SecretNameFix = $"name a Secret mounted under --secrets-dir: lowercase letters, digits, '-' and '.', at most {MaxLength} characters";

    public static bool IsObjectName(string name) => name.Length is > 0 and <= MaxLength && ObjectName().IsMatch(name);

    /// <summary>A name as an error message shows it: cut after 80 characters, with its length.</summary>
    public static string Shown(string name) => name.Length > 80 ? $"{name[..80]}… ({name.Length} characters)" : name;

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ObjectName();
}
