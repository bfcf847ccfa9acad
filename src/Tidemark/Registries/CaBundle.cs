using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Tidemark.Registries;

/// <summary>
/// Validates a registry's certificate chain against a PEM bundle instead of the system store (host name checks stay).
/// </summary>
internal static class CaBundle
{
    public static RemoteCertificateValidationCallback CreateValidator(string registry, string pemPath)
    {
        var roots = Load(registry, pemPath);
        return (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
    }

    private static X509Certificate2Collection Load(string registry, string pemPath)
    {
        try
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(pemPath);
            return roots.Count > 0
                ? roots
                : throw new RegistryException(RegistryErrorKind.Unreachable, $"the CA bundle {pemPath} for {registry} holds no certificate; point caBundle at a PEM file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new RegistryException(RegistryErrorKind.Unreachable, $"cannot read the CA bundle {pemPath} for {registry}: {e.Message}; fix caBundle in tidemark.yaml", innerException: e);
        }
    }
}
