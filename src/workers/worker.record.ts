/**
 * 农民工: one person across all the cases he is a claimant in, identified by his resident id number.
 * The id number and the mobile number are sensitive personal information (PIPL): stored sealed
 * (AES-256-GCM), found by a keyed hash, shown masked.
 */
export interface Worker {
  id: string;
  name: string;
  idNumberSealed: string;
  idNumberHash: string;
  mobileSealed: string | null;
  homeProvince: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
