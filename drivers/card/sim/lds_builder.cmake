# Included from drivers/CMakeLists.txt: the simulated chip's contents (test PKI, personas, LDS
# builder). Kept apart from the simulated card's own target so both can grow independently.
add_library(dvc_card_sim_lds STATIC
  ${CMAKE_CURRENT_LIST_DIR}/lds_builder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/personas.cpp
  ${CMAKE_CURRENT_LIST_DIR}/personas_portrait.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_pki.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sim_card_inbox.cpp
)
target_include_directories(dvc_card_sim_lds PUBLIC ${CMAKE_CURRENT_LIST_DIR}/../..)
target_link_libraries(dvc_card_sim_lds PUBLIC dvc_emrtd dvc_imaging dvc_card_sim OpenSSL::Crypto PRIVATE dvc_warnings)
