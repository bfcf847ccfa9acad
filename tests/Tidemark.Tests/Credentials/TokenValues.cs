namespace Tidemark.Tests.Credentials;

/// <summary>
/// Token-shaped values built at run time (never committed as literals, so no scanner mistakes the sources for a
/// leak). Each has the prefix and length of its kind and a body of letters and digits derived from a seed.
/// </summary>
internal static class TokenValues
{
    private const string Alphabet = "aB3cD4eF5gH6iJ7kL8mN9pQ2rS1tU0vWxYz";

    public static string Body(int length, int seed = 0)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[(i * 7 + seed * 13 + i / 3) % Alphabet.Length];
        }

        return new string(chars);
    }

    public static string Hex(int length, int seed = 0)
    {
        const string hex = "0123456789abcdef";
        return new string([.. Enumerable.Range(0, length).Select(i => hex[(i * 5 + seed) % 16])]);
    }

    public static string Classic(int seed = 0) => "gh" + "p_" + Body(36, seed);

    public static string FineGrained(int seed = 0) => "github" + "_pat_" + Body(22, seed) + "_" + Body(59, seed + 1);

    public static string Installation(int seed = 0) => "gh" + "s_" + Body(36, seed);

    public static string InstallationStateless(int seed = 0) => "gh" + "s_" + "123456_" + "eyJ" + Body(33, seed) + "." + Body(300, seed + 1) + "." + Body(170, seed + 2);

    public static string UserToServer(int seed = 0) => "gh" + "u_" + Body(36, seed);

    public static string OAuth(int seed = 0) => "gh" + "o_" + Body(36, seed);

    public static string Refresh(int seed = 0) => "gh" + "r_" + Body(76, seed);

    public static string Legacy(int seed = 0) => Hex(40, seed);

    public static string Jwt(int seed = 0) => "ey" + "J" + Body(30, seed) + "." + Body(80, seed + 1) + "." + Body(40, seed + 2);

    public static string Pem() => "-----BEGIN " + "RSA PRIVATE KEY-----\n" + Body(64) + "\n-----END RSA PRIVATE KEY-----\n";

    public static string Of(string kind, int seed = 0) => kind switch
    {
        "classic" => Classic(seed),
        "fine-grained" => FineGrained(seed),
        "installation" => Installation(seed),
        "stateless" => InstallationStateless(seed),
        "user" => UserToServer(seed),
        "oauth" => OAuth(seed),
        "refresh" => Refresh(seed),
        "legacy" => Legacy(seed),
        "jwt" => Jwt(seed),
        "pem" => Pem(),
        "unknown" => "not-a-token-" + Body(20, seed),
        "empty" => "",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
