using System.Net;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Cli.Serve.Dashboard;

namespace Tidemark.Tests.Serve.Dashboard;

public sealed class SignInThrottleTests
{
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.7");

    [Fact]
    public void FiveFailuresWithinAMinute_LockTheAddressOutForAMinute_OthersUnaffected()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(time);

        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++)
        {
            Assert.Null(throttle.Attempt(Client));
            time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Null(throttle.Wait(Client));
        Assert.Null(throttle.Attempt(Client));
        Assert.Equal(TimeSpan.FromMinutes(1), throttle.Wait(Client));
        Assert.Equal(TimeSpan.FromMinutes(1), throttle.Wait(IPAddress.Parse("::ffff:192.0.2.7")));
        Assert.Null(throttle.Wait(IPAddress.Parse("192.0.2.8")));

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.Wait(Client));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(throttle.Wait(Client));
    }

    [Fact]
    public void FailuresSpreadOverMoreThanAMinute_DoNotLockOut_ASuccessStartsAfresh()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(time);

        for (var i = 0; i < 10; i++)
        {
            Assert.Null(throttle.Attempt(Client));
            time.Advance(TimeSpan.FromSeconds(16)); // at most four within any minute
        }

        Assert.Null(throttle.Wait(Client));
        time.Advance(SignInThrottle.Window);
        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++)
        {
            Assert.Null(throttle.Attempt(Client));
        }

        throttle.Succeeded(Client);
        Assert.Null(throttle.Attempt(Client));
        Assert.Null(throttle.Wait(Client));
    }

    [Fact]
    public void TheTableIsCapped_ALockedOutAddressOutlivesIdleOnes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(time);
        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            Assert.Null(throttle.Attempt(Client));
        }

        time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < SignInThrottle.MaxClients * 3; i++)
        {
            Assert.Null(throttle.Attempt(new IPAddress(BitConverter.GetBytes(0x0A000000 + i))));
            if (i == SignInThrottle.MaxClients)
            {
                time.Advance(TimeSpan.FromSeconds(2));
            }
        }

        Assert.Equal(SignInThrottle.MaxClients, throttle.Count);
        Assert.NotNull(throttle.Wait(Client));
    }

    [Fact]
    public void AttemptsAreCountedWhenTheyArrive_TheSixthBeforeAnyTokenIsComparedIsRefused()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(time);

        // six requests in parallel: each is looked at before any token has been compared
        var verdicts = Enumerable.Range(0, 6).Select(_ => throttle.Attempt(Client)).ToList();

        Assert.Equal(5, verdicts.Count(v => v is null));
        Assert.Equal(TimeSpan.FromMinutes(1), verdicts[5]);
    }

    [Fact]
    public void TheTableFullOfLockedOutAddresses_ANewAddressIsStillLookedAt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(time);
        for (var i = 0; i < SignInThrottle.MaxClients; i++)
        {
            var address = new IPAddress(BitConverter.GetBytes(0x0A000000 + i));
            for (var j = 0; j < SignInThrottle.MaxFailures; j++)
            {
                _ = throttle.Attempt(address);
            }
        }

        var newcomer = IPAddress.Parse("198.51.100.1");

        Assert.Null(throttle.Attempt(newcomer));
        Assert.Equal(SignInThrottle.MaxClients, throttle.Count);
        Assert.Equal(SignInThrottle.MaxClients - 1, Enumerable.Range(0, SignInThrottle.MaxClients).Count(i => throttle.Wait(new IPAddress(BitConverter.GetBytes(0x0A000000 + i))) is not null));
    }

    [Fact]
    public void AnIpv6ClientIsCountedByItsSlash64()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(time);

        for (var i = 1; i <= SignInThrottle.MaxFailures; i++)
        {
            Assert.Null(throttle.Attempt(IPAddress.Parse($"2001:db8:1:2::{i:x}")));
        }

        Assert.NotNull(throttle.Wait(IPAddress.Parse("2001:db8:1:2:ffff::1")));
        Assert.Null(throttle.Wait(IPAddress.Parse("2001:db8:1:3::1")));
    }
}
