namespace Governance.Api.OData.Shapes;

/// <summary>
/// A bounded map that, when full, forgets the entry used longest ago: a client sending endless new queries pushes out
/// only other one-off queries, while the shapes real traffic repeats stay (a cache that stops adding, or clears itself,
/// when full would lose them for good or all at once).
/// </summary>
internal sealed class LruCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> index = new(capacity);
    private readonly LinkedList<(TKey Key, TValue Value)> recency = new();
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
                return index.Count;
        }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (gate)
        {
            if (index.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        lock (gate)
        {
            if (index.Remove(key, out var existing))
                recency.Remove(existing);
            else if (index.Count >= capacity && recency.Last is { } oldest)
            {
                recency.RemoveLast();
                index.Remove(oldest.Value.Key);
            }

            index[key] = recency.AddFirst((key, value));
        }
    }

    /// <summary>The keys held, most recently used first (for tests).</summary>
    public IReadOnlyList<TKey> Keys()
    {
        lock (gate)
            return [.. recency.Select(e => e.Key)];
    }
}
