namespace Tidemark.Configuration;

/// <summary>
/// Image name globs: <c>*</c> matches any run of characters except '/', <c>**</c> any run including '/',
/// <c>?</c> one character. Matching is ordinal and whole-name, e.g. <c>quay.io/jetstack/cert-manager-*</c>.
/// </summary>
internal static class NameGlob
{
    public static bool IsMatch(string glob, string name) => Match(glob.AsSpan(), name.AsSpan());

    private static bool Match(ReadOnlySpan<char> glob, ReadOnlySpan<char> name)
    {
        while (glob.Length > 0)
        {
            if (glob[0] == '*')
            {
                var crossesSlash = glob.Length > 1 && glob[1] == '*';
                var rest = glob[(crossesSlash ? 2 : 1)..];
                for (var i = 0; i <= name.Length; i++)
                {
                    if (Match(rest, name[i..]))
                    {
                        return true;
                    }
                    if (i < name.Length && name[i] == '/' && !crossesSlash)
                    {
                        return false;
                    }
                }
                return false;
            }
            if (name.Length == 0 || (glob[0] != '?' && glob[0] != name[0]) || (glob[0] == '?' && name[0] == '/'))
            {
                return false;
            }
            glob = glob[1..];
            name = name[1..];
        }
        return name.Length == 0;
    }
}
