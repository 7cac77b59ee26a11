export type PoiPhotosTable = {
  id: string;
  organisation_id: string;
  poi_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by_user_id: string;
  created_at: string;
};
