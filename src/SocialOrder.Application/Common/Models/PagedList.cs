namespace SocialOrder.Application.Common.Models;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 1 : (int)Math.Ceiling(TotalCount / (double)PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;
}

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>No list is that long; beyond it a page is simply empty, and the offset never overflows.</summary>
    public const int MaxPage = 100_000;

    public static (int Page, int Size) Normalize(int page, int size)
    {
        var p = Math.Clamp(page, 1, MaxPage);
        var s = size is < 1 or > MaxPageSize ? DefaultPageSize : size;
        return (p, s);
    }
}
