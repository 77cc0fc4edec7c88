// SPDX-License-Identifier: MIT
// libharu's error callback for every libharu document closeplan makes (metrics and painting).
#pragma once

#include <hpdf.h>

namespace closeplan::layout {

/// The first error libharu reported on a document, kept until read and reset.
struct hpdf_errors {
    HPDF_STATUS error_no = 0, detail_no = 0;
};

/// Pass to HPDF_New with a hpdf_errors as user data. Records only: a longjmp
/// or throw through libharu's C frames would leave it half-done.
inline void record_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
    auto* errs = static_cast<hpdf_errors*>(user_data);
    if (errs->error_no == 0) {
        errs->error_no = error_no;
        errs->detail_no = detail_no;
    }
}

}  // namespace closeplan::layout
