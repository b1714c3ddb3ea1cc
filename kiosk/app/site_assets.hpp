#pragma once
// The page behind the QR code, as the files in assets/site/ were when this
// kiosk was built. They are compiled in rather than installed so that
// `kiosk content publish` needs nothing beside the binary, and a site is
// always made with the page of the kiosk that printed the codes.

#include "kiosk/core/publish/site.hpp"

namespace kiosk::app {

SiteAssets embedded_site_assets();

}  // namespace kiosk::app
