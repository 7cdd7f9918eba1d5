using Governance.Api.OData.Shapes;

namespace Governance.Api.Tests.OData;

/// <summary>The shape caches forget the entry used longest ago, one at a time, and never grow past their capacity.</summary>
public sealed class LruCacheTests
{
    [Fact]
    public void WhenFull_TheLeastRecentlyUsedEntryGoes_AndTheRestStay()
    {
        var cache = new LruCache<string, int>(3);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("c", 3);
        Assert.True(cache.TryGet("a", out _)); // a is now the most recent; b the least

        cache.Set("d", 4);

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(1, a);
        Assert.Equal(["a", "d", "c"], cache.Keys());
    }

    [Fact]
    public void EndlessNewKeys_NeverGrowItPastItsCapacity_NorPushOutAKeyInUse()
    {
        var cache = new LruCache<int, int>(64);
        cache.Set(-1, -1);
        for (var i = 0; i < 10_000; i++)
        {
            cache.Set(i, i);
            Assert.True(cache.TryGet(-1, out _));
        }

        Assert.Equal(64, cache.Count);
    }

    [Fact]
    public void SettingAKeyAgain_ReplacesItsValue()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("a", 2);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(2, value);
    }
}
