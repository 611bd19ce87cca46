using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SocialOrder.Web.Infrastructure;

public static class TempDataExtensions
{
    private const string StatusKey = "StatusMessage";

    /// <summary>Stores an already localized message for the next page (Post-Redirect-Get).</summary>
    public static void SetStatus(this ITempDataDictionary tempData, string message) => tempData[StatusKey] = message;

    public static string? GetStatus(this ITempDataDictionary tempData) => tempData[StatusKey] as string;
}
