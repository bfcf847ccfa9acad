using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tidemark.Testing.Registry;

/// <summary>
/// A throw-away certificate authority and a server certificate it signed for 127.0.0.1, so a registry can be served
/// over HTTPS on loopback and a client can trust it through a CA bundle (<see cref="CaBundlePem"/>).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with its private key, subject alternative name IP 127.0.0.1.</summary>
    public X509Certificate2 Server { get; }

    public string CaBundlePem => Authority.ExportCertificatePem();

    public static TestCertificates Create(string name = "tidemark-test-ca")
    {
        var now = TimeProvider.System.GetUtcNow();
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest($"CN={name}", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var authority = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = serverRequest.Create(authority, now.AddDays(-1), now.AddDays(29), [1, 2, 3, 4]);
        var server = signed.CopyWithPrivateKey(serverKey);
        return new TestCertificates(authority, server);
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
