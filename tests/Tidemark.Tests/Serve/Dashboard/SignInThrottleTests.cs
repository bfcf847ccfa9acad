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
            throttle.Failed(Client);
            time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Null(throttle.Wait(Client));
        throttle.Failed(Client);
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
            throttle.Failed(Client);
            time.Advance(TimeSpan.FromSeconds(16)); // at most four within any minute
        }

        Assert.Null(throttle.Wait(Client));
        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++)
        {
            throttle.Failed(Client);
        }

        throttle.Succeeded(Client);
        throttle.Failed(Client);
        Assert.Null(throttle.Wait(Client));
    }

    [Fact]
    public void TheTableIsCapped_ALockedOutAddressOutlivesIdleOnes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(time);
        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            throttle.Failed(Client);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < SignInThrottle.MaxClients * 3; i++)
        {
            throttle.Failed(new IPAddress(BitConverter.GetBytes(0x0A000000 + i)));
            if (i == SignInThrottle.MaxClients)
            {
                time.Advance(TimeSpan.FromSeconds(2));
            }
        }

        Assert.Equal(SignInThrottle.MaxClients, throttle.Count);
        Assert.NotNull(throttle.Wait(Client));
    }
}
