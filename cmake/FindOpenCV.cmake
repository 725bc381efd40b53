# Finds OpenCV 4 from Debian's per-module packages (libopencv-core-dev,
# libopencv-imgproc-dev, ...). Their OpenCVConfig.cmake lives only in the
# libopencv-dev metapackage, which pulls in every module and VTK, OpenMPI and
# some 250 other packages the gate never uses; this module finds the headers
# and the libraries of just the modules asked for.
#
#   find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc ... [OPTIONAL_COMPONENTS freetype])
#
# Defines an imported target opencv_<module> for every module found,
# OpenCV_LIBS (the required modules), OpenCV_INCLUDE_DIRS and OpenCV_VERSION.
include(FindPackageHandleStandardArgs)

find_path(OpenCV_INCLUDE_DIR opencv2/core/version.hpp PATH_SUFFIXES opencv4)
if(OpenCV_INCLUDE_DIR)
  file(STRINGS "${OpenCV_INCLUDE_DIR}/opencv2/core/version.hpp" opencv_version_lines
       REGEX "^#define CV_VERSION_(MAJOR|MINOR|REVISION) ")
  foreach(part MAJOR MINOR REVISION)
    string(REGEX REPLACE ".*#define CV_VERSION_${part} +([0-9]+).*" "\\1"
           OpenCV_VERSION_${part} "${opencv_version_lines}")
  endforeach()
  set(OpenCV_VERSION "${OpenCV_VERSION_MAJOR}.${OpenCV_VERSION_MINOR}.${OpenCV_VERSION_REVISION}")
endif()

# What each module links against, as OpenCV's own configuration declares it:
# a target that calls imgproc through freetype still names imgproc.
set(opencv_depends_imgproc core)
set(opencv_depends_imgcodecs imgproc core)
set(opencv_depends_videoio imgcodecs imgproc core)
set(opencv_depends_freetype imgproc core)

set(OpenCV_LIBS)
set(opencv_required_libraries)
foreach(module IN LISTS OpenCV_FIND_COMPONENTS)
  find_library(OpenCV_${module}_LIBRARY opencv_${module})
  if(OpenCV_${module}_LIBRARY AND OpenCV_INCLUDE_DIR)
    set(OpenCV_${module}_FOUND TRUE)
    if(NOT TARGET opencv_${module})
      add_library(opencv_${module} SHARED IMPORTED)
      set_target_properties(opencv_${module} PROPERTIES
        IMPORTED_LOCATION "${OpenCV_${module}_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${OpenCV_INCLUDE_DIR}")
      foreach(dependency IN LISTS opencv_depends_${module})
        find_library(OpenCV_${dependency}_LIBRARY opencv_${dependency})
        if(OpenCV_${dependency}_LIBRARY)
          set_property(TARGET opencv_${module} APPEND PROPERTY
            INTERFACE_LINK_LIBRARIES "${OpenCV_${dependency}_LIBRARY}")
        endif()
      endforeach()
    endif()
  endif()
  if(OpenCV_FIND_REQUIRED_${module})
    list(APPEND OpenCV_LIBS opencv_${module})
    list(APPEND opencv_required_libraries OpenCV_${module}_LIBRARY)
  endif()
endforeach()

find_package_handle_standard_args(OpenCV
  REQUIRED_VARS OpenCV_INCLUDE_DIR ${opencv_required_libraries}
  VERSION_VAR OpenCV_VERSION
  HANDLE_COMPONENTS)
set(OpenCV_INCLUDE_DIRS "${OpenCV_INCLUDE_DIR}")
mark_as_advanced(OpenCV_INCLUDE_DIR)
