package dev.switchboard.face.flexiapi;

import io.javalin.security.RouteRole;

/** FlexiAPI's access model: Public, User (any authenticated account), Admin. */
enum ApiRole implements RouteRole {
  PUBLIC,
  USER,
  ADMIN
}
