namespace SocialOrder.Web;

/// <summary>Marker for the one shared resource file set (Resources/SharedResource[.kk|.en].resx; neutral = Russian).</summary>
public sealed class SharedResource;
