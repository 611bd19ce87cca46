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

    public static (int Page, int Size) Normalize(int page, int size)
    {
        var p = page < 1 ? 1 : page;
        var s = size is < 1 or > MaxPageSize ? DefaultPageSize : size;
        return (p, s);
    }
}
