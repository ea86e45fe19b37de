namespace AuroraBots.Network.Search;

/// <summary>
/// Keeps the best <c>k</c> items of a stream without sorting everything: a min-heap on (score, then the reverse
/// of the tie order), so large catalogues cost O(n log k) instead of O(n log n).
/// </summary>
internal sealed class TopK<T>(int k, Comparison<T> betterFirst)
{
    // The heap's root is the worst kept item: priority = the item itself, ordered worst first.
    private readonly PriorityQueue<T, T> _heap = new(Comparer<T>.Create((a, b) => betterFirst(b, a)));

    public void Offer(T item)
    {
        if (k <= 0) return;
        if (_heap.Count < k) { _heap.Enqueue(item, item); return; }
        if (betterFirst(item, _heap.Peek()) < 0) _heap.EnqueueDequeue(item, item);
    }

    /// <summary>The kept items, best first.</summary>
    public List<T> ToSortedList()
    {
        var items = _heap.UnorderedItems.Select(x => x.Element).ToList();
        items.Sort(betterFirst);
        return items;
    }
}
